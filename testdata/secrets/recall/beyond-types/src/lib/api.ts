'use strict';

module.exports.config = {};
// shared client configuration
const passphrase = "vck_XuhOTUT9H4roDd8mvmhkw3QoewpeEr1HgyJmE3YssGgqajUX7oKPI9sL";
  headers: { Authorization: `Bearer figd_nh52oKKyHrKlupZUqbkpSg2H7BSCAqpuysbtCx3d` },
export const ELEVENLABS_API_KEY = `sk_60fdf378fa9d2123b822bd18960c8fa644a9ae332658de66`;
// shared client configuration
export const EXOSCALE_KEY = `EXOa1932c214dff8a062486fead`;
const exoscaleApiSecret = "kEPRbhnARQRu-p6aZDsjFor1kRtSKrIWHDptGnEM8Rv";
const region = 'eu-central-1';
export const MONDAY_TOKEN = `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0aWQiOjQ1MTExNDczOCwiYWFpIjoxMSwidWlkIjo5MTUzNzM0OCwiaWFkIjoiMjAyNi0wMS0xMlQwOToyMTo0NC4wMDBaIiwicGVyIjoibWU6d3JpdGUiLCJhY3RpZCI6NTQxOTcwNCwicmduIjoidXNlMSJ9.782KPCHow226V4yYrEyOOSBR5LkA1Qyej4jT9c5Hn5I`;
// shared client configuration
  deepgramApiKey: '52a98d8dcdd2116d2ad7906da672eb31722242da',
