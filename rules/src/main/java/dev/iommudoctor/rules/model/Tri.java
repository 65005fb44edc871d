package dev.iommudoctor.rules.model;

/** A yes/no that may be unknown: missing evidence is never read as "no". */
public enum Tri {
    YES, NO, UNKNOWN;

    public static Tri of(boolean value) {
        return value ? YES : NO;
    }
}
