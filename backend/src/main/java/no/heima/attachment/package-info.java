/**
 * Files patients attach to questionnaire answers (photos): uploaded, checked by the type
 * their bytes show and their size against the question that asks for them, kept in
 * PostgreSQL, and referenced from the response answer by url.
 */
package no.heima.attachment;
