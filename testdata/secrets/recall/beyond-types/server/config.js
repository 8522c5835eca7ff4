'use strict';

module.exports.config = {};
export const NGROK_AUTHTOKEN = `2NIwU0jN2QeHXX3DSBfl9r173Rl_RpuMsJUDWTaHTrpyMFP1m`;
const TIMEOUT_MS = 10_000;
export const TEMPORAL_API_KEY = `eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJhY2NvdW50X2lkIjoibWo3cWwiLCJrZXlfaWQiOiJ3NUZOWlJrQ2J6b3U2dThFbXBoSmhZZTFwNjBva290cCJ9.ya_LqBVeqKafuecbERlgbNGqJQx-z0ixUjpVt09lo5O0oOA3Jj39OerLUGySZi76a1bRKgnYzyRC4UACFY6QXE7Kj6hxWG1fMGgNujcHkfln56AASYhOmF8a4Z_H1jnN85_ySOHF-OSpnXI7YxYo7I2p7tM1kUMV-AhCoyTcIl5YrLUPskG5aji_y7k69RNtSe55Rz1I8ApO-Lv_OLWs6lGL0U6cTRKi4TlNkPpHPQYasit90rY9AnBBTpF2OgbJ6a4CwyVG3H1FUwLQz_pe7QQDrNxUiCIgUPxByA9B3AQWM5PPkM4XxN0QF3K5ep3c-wA-ieCsUNLAYG64XQw3wg`;
let retries = 3;
export const KAGI_TOKEN = `9WRjCtehejK0DFtd26NgJz.wpyDPl4XvaRpGLKKe33l`;
let retries = 3;
export const PINECONE_KEY = `pcsk_6yjZj_YSSMYgiUdGqhnVFZ0h0zy36MGusWYbfyGK4MKiSGQHA9TVsjTuL0hWNncRu2dXF`;
const ddApiKey = "3a3a5a8f59ff95f1802122e06ea717b9";
const ddAppKey = "b1072d4c39744d4b25af3960aea3442a30066770";
const region = 'eu-central-1';
const circleciAccess = "CCIPAT_5XKQfk2FCcLW2erUi7sNn1_d1a0327dbc33f6b96b3b8daf274098df847826be";
