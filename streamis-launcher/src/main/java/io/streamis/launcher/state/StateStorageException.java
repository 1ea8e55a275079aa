package io.streamis.launcher.state;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;

/** The state file system could not be read or written (unreachable NameNode, permissions). */
public class StateStorageException extends StreamisException {

    public StateStorageException(String message, Throwable cause) {
        super(ErrorCode.STATE_STORAGE, message, cause);
    }
}
