package io.streamis.server.job;

/** The pinning suite on the embedded H2 database (MySQL mode). */
class H2ProjectFilePinningApiTest extends AbstractProjectFilePinningApiTest {
}
