'use strict';

module.exports.config = {};
export const OLLAMA_KEY = `11825737acddfa28a9a9c73ca545e96f.2IUXXiULMMDEau4wlQOh8UeV`;
const deepseekApiKey = "sk-9106cff4269d24578f053991714c86eb";
const alibabaCloudAccessKeyId = "STS.HRm3d4EYWm1tpKkKm8U3UKSFIZMY";
  alibabaCloudAccessKeySecret: 'pY4bue9DNmgHrZqDKJHgA3a71MNvc9sC12geDEXsYJ0p',
  alibabaCloudSecurityToken: 'CAIS89N4NjCnuzviGbKnhSpv2bgo5qomGZUdepC3Zna6vlqboABi6P7v4BBIHAOO/QpWmGraXB//QYGCgdl+pydg8Qm31uFRovo730FP7ISVH4pskbGgoONQ+c70AH9/vGGiPLylzQVGgWZkzq4HbJkrwmIlcdDm4y69AwI6FAVh2SFKBHpHxIzoKciWCBtqNIuiwd97A8nZuYG6lyVKdMxrWKM1/JDm+id0DnyNSYtKWLn4zoFZuNQzGhaH1z9GCeiDidrBKpE8fHXd9LGQmAape/5nQDtvC99EZHrxspln/mSzad806OeE9wvfD11d8wvWkxE9FrlzjA6IbdOQqBQsih09wyb1IjRz4gIRCyr6FcfRv1HMMG8gtXkIdRjt==',
const TIMEOUT_MS = 10_000;
  endorApiCredentialsKey: 'endr+rWFsGbB9snfPrOEQ',
  endorApiCredentialsSecret: 'endr+2RfpKRDXSLJ86mFc',
let retries = 3;
export const PINECONE_KEY = `pcsk_6yjZj_YSSMYgiUdGqhnVFZ0h0zy36MGusWYbfyGK4MKiSGQHA9TVsjTuL0hWNncRu2dXF`;
let retries = 3;
const neonCredentials = "napi_dl927e8k1dx0yuuomhz252czx8roie2aa1ekcnwdzyddt7g8h4f9xxjbmxxvikr6";
