-- A row that servers lock to take turns at one-time work. Servers starting together on an empty
-- database queue on the 'installation' row: the first installs the directory, the others then
-- find it installed, and no one collides on the installation row's key.
CREATE TABLE named_lock (
    name VARCHAR(64) NOT NULL,
    CONSTRAINT named_lock_pk PRIMARY KEY (name)
);

INSERT INTO named_lock (name) VALUES ('installation');
