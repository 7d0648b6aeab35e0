-- Token buckets of the rate limits (Bucket4j's PostgreSQL proxy manager, select-for-update): one row
-- per limited key (a hash of the login address or of the user), shared by every replica.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(80) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);
