/** SQLite's application id of aigov databases: "aigv" in ASCII, in the file header at offset 68. */
export const AIGOV_APPLICATION_ID = 0x61696776;
