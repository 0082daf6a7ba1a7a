-- Revocable access (docs/api.md §2): a disabled user cannot sign in, and the tokens of its API
-- clients are refused. Users already there stay enabled. Runs unchanged on H2 and PostgreSQL.
ALTER TABLE app_user ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;

-- Deleting a user deletes its API clients first (api_client_creator_fk); PostgreSQL does not
-- index a foreign key's column on its own.
CREATE INDEX api_client_by_creator ON api_client (created_by);
