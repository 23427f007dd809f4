package dev.ctime.run;

import dev.ctime.model.Report;
import java.io.IOException;

/** What a stage reads of the run as a whole, and how it keeps what it measured. */
interface RunView {
    /** The report as the decision reads it now: what is measured so far, judged as if the run ended here. */
    Report judged();

    /** Writes the report as measured so far, so nothing measured is lost if the run dies next. */
    void persist() throws IOException;
}
