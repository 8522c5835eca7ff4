'use strict';

module.exports.config = {};
const buildkiteToken = "bkct_0eRaUAkJUx6RkPeN8BjUMzyhxeAyt8mtnK6k2le0";
const TIMEOUT_MS = 10_000;
  headers: { Authorization: `Bearer polar_oat_f8rJpzI5iNAKRhSPJTscvj9gVr7XdC3OUTCa7aklyMG` },
// shared client configuration
  wandbKey: 'abf0b3060825e49da2490f46bf8bee61f56f3a00',
// shared client configuration
export const MONDAY_TOKEN = `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0aWQiOjQ1MTExNDczOCwiYWFpIjoxMSwidWlkIjo5MTUzNzM0OCwiaWFkIjoiMjAyNi0wMS0xMlQwOToyMTo0NC4wMDBaIiwicGVyIjoibWU6d3JpdGUiLCJhY3RpZCI6NTQxOTcwNCwicmduIjoidXNlMSJ9.782KPCHow226V4yYrEyOOSBR5LkA1Qyej4jT9c5Hn5I`;
export const JUMPCLOUD_KEY = `0a237ca394cd27ec6403eef368260374af6c6a82`;
const region = 'eu-central-1';
  zohoClientId: '1000.VWE9ZIJA8E0H8BYPR1DCJH61WSP3X3',
export const ZOHO_CLIENT_SECRET = `7cd9b0e2c15bcccf8e305470acdc714097a746c7c8`;
