package no.heima.idempotency;

/** An answer as it was given: status, Location (or null) and the JSON body. */
public record StoredResponse(int status, String location, String json) {

}
