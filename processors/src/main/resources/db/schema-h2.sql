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
