CREATE TABLE IF NOT EXISTS batches (
    id            VARCHAR(36)  PRIMARY KEY,
    email         VARCHAR(320) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(32)  NOT NULL,
    image_count   INT          NOT NULL,
    done_count    INT          NOT NULL DEFAULT 0,
    failed_count  INT          NOT NULL DEFAULT 0,
    completed_at  TIMESTAMP WITH TIME ZONE,
    notified_at   TIMESTAMP WITH TIME ZONE
);

-- who is sending the completion email, until when (databases created before these columns get them here)
ALTER TABLE batches ADD COLUMN IF NOT EXISTS notify_claim VARCHAR(36);
ALTER TABLE batches ADD COLUMN IF NOT EXISTS notify_claimed_until TIMESTAMP WITH TIME ZONE;

-- until when the batch is kept (a database from before expiry keeps its batches 7 days from the upgrade), why its
-- owner will not be told, and the last time anything happened to one of its images (null once it is finished)
ALTER TABLE batches ADD COLUMN IF NOT EXISTS expires_at TIMESTAMP WITH TIME ZONE DEFAULT DATEADD(DAY, 7, CURRENT_TIMESTAMP);
ALTER TABLE batches ALTER COLUMN expires_at SET DEFAULT NULL;
ALTER TABLE batches ADD COLUMN IF NOT EXISTS notification_error VARCHAR(1000);
ALTER TABLE batches ADD COLUMN IF NOT EXISTS progress_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE batches ALTER COLUMN progress_at SET DEFAULT NULL;
UPDATE batches SET progress_at = NULL WHERE progress_at IS NOT NULL AND completed_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS batches_expires_at ON batches (expires_at);
CREATE INDEX IF NOT EXISTS batches_progress_at ON batches (progress_at);

CREATE TABLE IF NOT EXISTS images (
    batch_id             VARCHAR(36)   NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    image_id             VARCHAR(16)   NOT NULL,
    position             INT           NOT NULL,
    name                 VARCHAR(255)  NOT NULL,
    format               VARCHAR(8)    NOT NULL,
    content_type         VARCHAR(64)   NOT NULL,
    bytes                BIGINT        NOT NULL,
    width                INT           NOT NULL,
    height               INT           NOT NULL,
    operations           CLOB          NOT NULL,
    status               VARCHAR(16)   NOT NULL,
    attempts             INT           NOT NULL DEFAULT 0,
    error                VARCHAR(2000),
    result_name          VARCHAR(255),
    result_format        VARCHAR(8),
    result_content_type  VARCHAR(64),
    result_bytes         BIGINT,
    result_width         INT,
    result_height        INT,
    result_note          VARCHAR(500),
    duration_ms          BIGINT,
    PRIMARY KEY (batch_id, image_id)
);

-- the last time anything happened to the image, and how often its task was sent again for want of progress
ALTER TABLE images ADD COLUMN IF NOT EXISTS progress_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE images ALTER COLUMN progress_at SET DEFAULT NULL;
ALTER TABLE images ADD COLUMN IF NOT EXISTS requeues INT NOT NULL DEFAULT 0;

-- limits held in the store, such as completion emails per recipient and hour (Bucket4j states, see StoredBuckets)
CREATE TABLE IF NOT EXISTS quotas (
    id          VARCHAR(128)   PRIMARY KEY,
    state       VARBINARY(8192) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS quotas_expires_at ON quotas (expires_at);
