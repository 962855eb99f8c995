package cn.zugong.people.internal;

import cn.zugong.shared.excel.SheetException;

/** The file as a whole cannot be read (not an .xlsx, empty, missing columns, too many rows); message in Chinese. */
class RosterFileException extends SheetException {
    RosterFileException(String message) {
        super(message);
    }
}
