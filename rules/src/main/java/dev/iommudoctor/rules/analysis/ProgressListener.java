package dev.iommudoctor.rules.analysis;

/** Told about each input as it is read, so a terminal can draw a progress bar. */
public interface ProgressListener {

    ProgressListener NONE = (name, bytesSoFar) -> { };

    /** Called after each input file with the decompressed bytes read so far in the whole bundle. */
    void inputDone(String name, long bytesSoFar);
}
