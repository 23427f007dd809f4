package dev.ctime.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing wrong with the configuration, as data: the setting it is about and the sentence that
 * names the problem and its fix. The sentence refers to settings as {@code {name}}; whoever shows
 * it spells them as its users write them (Maven: -Dctime.name or {@code <name>}), so the core never
 * assumes how a setting is written.
 *
 * @param setting the setting at fault, or null where the problem is not one setting's
 * @param text    the sentence, settings as {@code {name}}
 */
public record Problem(String setting, String text) {
    private static final Pattern SETTING = Pattern.compile("\\{([A-Za-z][A-Za-z0-9.]*)}");

    /** A problem about one setting; its name appears in the text as {@code {setting}}. */
    public static Problem of(String setting, String text) {
        return new Problem(setting, text);
    }

    /** A sentence from elsewhere (a parser's message) that names its own element. */
    public static Problem said(String text) {
        return new Problem(null, text);
    }

    /** The settings the text names, in order. */
    public List<String> named() {
        List<String> out = new ArrayList<>();
        Matcher m = SETTING.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** The text with every {@code {name}} spelt by {@code spelling}. */
    public String spelt(java.util.function.UnaryOperator<String> spelling) {
        return SETTING.matcher(text).replaceAll(m -> Matcher.quoteReplacement(spelling.apply(m.group(1))));
    }
}
