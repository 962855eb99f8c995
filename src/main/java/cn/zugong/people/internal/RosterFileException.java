package cn.zugong.people.internal;

/** The file as a whole cannot be read (not an .xlsx, empty, missing columns, too many rows); message in Chinese. */
class RosterFileException extends RuntimeException {
    RosterFileException(String message) {
        super(message);
    }
}
