package io.streamis.server.job;

/** The import suite on the embedded H2 database (MySQL mode). */
class H2JobImportApiTest extends AbstractJobImportApiTest {
}
