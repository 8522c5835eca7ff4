'use strict';

module.exports.config = {};
export const CREDS = `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`;
const region = 'eu-central-1';
const client = new Client('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');
const huggingfaceAccess = "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";
const client = new Client('dp.sa.AP8VhpmXUPQEYsOUaYC6SDreC42LNqC0bDJu0VIpSCT');
const region = 'eu-central-1';
export const GRAFANA_CREDENTIALS = `glc_eyJvIjoiMzUzOTM5IiwibiI6InN0YWNrLTI3MjUzOS1obS1yZWFkIiwiayI6Im5aSFZFM1RYUGtkU2ZCcmNxaE9xUHhiUiIsIm0iOnsiciI6InByb2QtdXMtZWFzdC0wIn19`;
// shared client configuration
const client = new Client('glimt-1fwzamrhi4a4se4tfpdzidi4r');
