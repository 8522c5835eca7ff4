'use strict';

module.exports.config = {};
const region = 'eu-central-1';
const mapboxglToken = "pk.eyJ1IjoiKudPteXpuuqXmDxSlyUpAM2VYbb2ffDvum9MTva4GUIuz20b7Dls.8EcET6x2Am5VNi-1euNq5_";
let retries = 3;
const zendeskApiToken = "S8RFLJ1UDZgdWfki5SgEq2z0yz0deMWa1Ps1E5tG";
const TIMEOUT_MS = 10_000;
export const FRESHBOOKS_TOKEN = `goypik4ssruafgkgu8ivykzgc6jtuf5tmvqass6n32ocud1dxqnd08nrsrwkd4ic`;
const region = 'eu-central-1';
const cloudflareApiKey = "b423f305b311548f5423f87bf32344d05004f";
const region = 'eu-central-1';
  headers: { Authorization: `Bearer xoxa-2-49528335628-656926156490-x78zLxdsmzpOQmAcrPfLaPKhdZuzsywY` },
const TIMEOUT_MS = 10_000;
export const AUTH = `sha256~1BiJvrIF0swinfuS_oR4SFfGod-uxsxqVUS7JJ0XNZn`;
