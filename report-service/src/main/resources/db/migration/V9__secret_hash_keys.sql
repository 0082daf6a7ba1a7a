-- Keys of the keyed hash (HMAC-SHA-256) that API client secrets are stored as. A client secret
-- is 256 random bits, so a fast keyed hash protects it as well as a slow one would, and checking
-- a token request costs microseconds instead of a password hash's half second. The first server
-- that needs a key generates one; every key here verifies the hashes that name it.
CREATE TABLE secret_hash_key (
    kid        VARCHAR(64)                 NOT NULL,
    key_value  VARCHAR(128)                NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT secret_hash_key_pk PRIMARY KEY (kid)
);
