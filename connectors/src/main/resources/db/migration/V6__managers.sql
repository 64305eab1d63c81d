-- Managers (issue 4): the right to create and manage "managed" athletes (accounts that cannot log
-- in and whose manager acts for them), given by the admin when creating the manager
-- (POST /v1/managers/). Only meaningful for role 'manager'.
ALTER TABLE accounts ADD COLUMN can_manage_athletes BOOLEAN NOT NULL DEFAULT false;

-- Managed athletes of a manager; GET /v1/athletes/?external_id= and by-external-id look-ups.
CREATE INDEX accounts_by_manager ON accounts (managed_by) WHERE managed_by IS NOT NULL;
CREATE INDEX accounts_by_external_id ON accounts (external_id) WHERE external_id IS NOT NULL;
