package io.streamis.server.job;

/** The seed's config rules on the embedded H2 database (MySQL mode). */
class H2SeedConfigImportTest extends AbstractSeedConfigImportTest {
}
