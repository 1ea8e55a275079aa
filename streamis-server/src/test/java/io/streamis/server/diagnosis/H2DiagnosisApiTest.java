package io.streamis.server.diagnosis;

/** The diagnosis suite on the embedded H2 database (MySQL mode). */
class H2DiagnosisApiTest extends AbstractDiagnosisApiTest {
}
