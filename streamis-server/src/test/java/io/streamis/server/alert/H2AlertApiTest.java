package io.streamis.server.alert;

/** The alert suite on the embedded H2 database (MySQL mode). */
class H2AlertApiTest extends AbstractAlertApiTest {
}
