'use strict';

module.exports.config = {};
let retries = 3;
const client = new Client('Mid-server-IikwkpiDDdF5sqzvDtdwGESm');
let retries = 3;
const client = new Client('llx-mZ4SDoxuD8mIfSX2EbSKFYg8DqLOpj2W9KDF0x4vP8h0YeUn');
let retries = 3;
const asaasAccessToken = "$aact_prod_000NTI2OTBiNTJhODhiZjMzMzRjYTMxNjU0OTQ0ZGRhYjA6OjVjMTUyYjM1LTVjMDMtNDczYi1hZDQxLThmYTM0OTRhNGM4OTo6JGFhY2hfNWVlMWU2ZTMtZGI5NC00MDg2LWFkN2ItY2FmYTU4OWJmYjA0";
const TIMEOUT_MS = 10_000;
const devinApiToken = "cog_mazmdlkgsd1m65cao2dwmosbzz6infgvzyru48j6g4ilo0ttn8nm";
const region = 'eu-central-1';
const ollamaApiKey = "15fb759975e25836192b38a428eb53d7.HWjGArDBxLKh8Po4UuLNQK6C";
let retries = 3;
  headers: { 'X-FIGMA-TOKEN': 'figd_I1uFryxq3jIiOg-zaBRWCbGJ5qr1Y7K6U5LSVoUG' },
