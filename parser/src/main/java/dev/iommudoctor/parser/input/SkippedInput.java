package dev.iommudoctor.parser.input;

/** A bundle member that was not read, and why: reported, never silently dropped. */
public record SkippedInput(String name, String reason) {
}
