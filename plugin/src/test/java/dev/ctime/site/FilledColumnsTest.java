package dev.ctime.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A column blank in every row is left out of the page's tables; one filled cell keeps it. */
class FilledColumnsTest {
    @Test
    void aColumnBlankInEveryRowIsLeftOut() {
        FilledColumns t = FilledColumns.of(List.of("profile", "95% interval", "calls"),
                List.of(List.of("fat", "", "1.2 million"), List.of("dev", " ", "3")));
        assertEquals(List.of("profile", "calls"), t.headers());
        assertEquals(List.of(List.of("fat", "1.2 million"), List.of("dev", "3")), t.rows());
        FilledColumns kept = FilledColumns.of(List.of("a", "b"), List.of(List.of("1", ""), List.of("2", "x")));
        assertEquals(List.of("a", "b"), kept.headers());
        assertEquals(List.of("a"), FilledColumns.of(List.of("a"), List.of()).headers(), "no rows: the headers as they are");
    }

    @Test
    void thePageWritesTheTableWithoutIt() {
        String html = HtmlPageWriter.table("t", List.of("profile", "empty"), List.of(List.of("fat", "")), null);
        assertTrue(html.contains("<th>profile</th>"), html);
        assertFalse(html.contains("<th>empty</th>"), html);
    }
}
