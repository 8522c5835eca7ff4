'use strict';

module.exports.config = {};
  deepgramApiKey: '52a98d8dcdd2116d2ad7906da672eb31722242da',
// shared client configuration
  headers: { Authorization: `Bearer figd_nh52oKKyHrKlupZUqbkpSg2H7BSCAqpuysbtCx3d` },
const region = 'eu-central-1';
  vtApiKey: '8d5db564606c860224bc3a3a7202f3cf03f953373349902464b7bfcf39064079',
// shared client configuration
const deepseekApiKey = "sk-9106cff4269d24578f053991714c86eb";
export const EXOSCALE_KEY = `EXOa1932c214dff8a062486fead`;
const exoscaleApiSecret = "kEPRbhnARQRu-p6aZDsjFor1kRtSKrIWHDptGnEM8Rv";
const alibabaCloudAccessKeyId = "STS.HRm3d4EYWm1tpKkKm8U3UKSFIZMY";
  alibabaCloudAccessKeySecret: 'pY4bue9DNmgHrZqDKJHgA3a71MNvc9sC12geDEXsYJ0p',
  alibabaCloudSecurityToken: 'CAIS89N4NjCnuzviGbKnhSpv2bgo5qomGZUdepC3Zna6vlqboABi6P7v4BBIHAOO/QpWmGraXB//QYGCgdl+pydg8Qm31uFRovo730FP7ISVH4pskbGgoONQ+c70AH9/vGGiPLylzQVGgWZkzq4HbJkrwmIlcdDm4y69AwI6FAVh2SFKBHpHxIzoKciWCBtqNIuiwd97A8nZuYG6lyVKdMxrWKM1/JDm+id0DnyNSYtKWLn4zoFZuNQzGhaH1z9GCeiDidrBKpE8fHXd9LGQmAape/5nQDtvC99EZHrxspln/mSzad806OeE9wvfD11d8wvWkxE9FrlzjA6IbdOQqBQsih09wyb1IjRz4gIRCyr6FcfRv1HMMG8gtXkIdRjt==',
