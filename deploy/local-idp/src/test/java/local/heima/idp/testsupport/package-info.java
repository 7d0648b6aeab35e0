/**
 * Test helpers published in this module's test-jar, so other modules' tests can log in at
 * a running local login provider over real HTTP.
 */
package local.heima.idp.testsupport;
