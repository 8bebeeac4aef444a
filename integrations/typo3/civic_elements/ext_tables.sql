CREATE TABLE tt_content (
	tx_civic_tag varchar(64) DEFAULT '' NOT NULL,
	tx_civic_service varchar(128) DEFAULT '' NOT NULL,
	tx_civic_location varchar(128) DEFAULT '' NOT NULL
);
