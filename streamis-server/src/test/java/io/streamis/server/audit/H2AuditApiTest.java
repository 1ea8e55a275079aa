package io.streamis.server.audit;

/** The audit suite on the embedded H2 database (MySQL mode). */
class H2AuditApiTest extends AbstractAuditApiTest {
}
