package io.streamis.server.restore;

/** The restore-point record on the embedded H2 database (MySQL mode). */
class H2RestorePointRecordTest extends AbstractRestorePointRecordTest {
}
