'use strict';

const axios = require('axios');

const pineconeApiKey = 'pcsk_cx0Llm_HTKugTTf02ri2CfwftyTyXmtvnWFYVjQc4J1Vb1vjVPQETimfggxnBsDBeKMegf';
const elevenlabsApiKey = 'sk_c3b7e2616c8b144e4fc2b192dbbaefff37e02a47db385304';
const googleAccessToken = 'ya29.a0vIDaG6miQ91AV3zu1jn0rZzqNyVgr6NryTE8zEzzL4lxLe0kwq_X8kfNiRhxeiOPIUTGzU3T5Pox44awxkEUe-gVstYSf3fKz3gjW217ukd6kMqpV9pjOf9bARGrGmD2JRh2sZ05TmSEawIJ5tn3uC';
const pipedriveApiToken = '8f2949ca1ba41c2a25e90c80180da59ca88ab9dc';
const trelloToken = 'ATTAcec6f592db914b486f0e9d5e71c63894237a1957ca0baf5ad18647984191c49d7363BA5F';
const clickupApiToken = 'pk_523279731_6KRPTM0M5IEBXT6932BVHKO9X4X14NLG';
const ibmcloudApiKey = 'Y3V2uICA6nKc4LRBz2Zsm67aQIRFFD30NNg1urJ3ffCF';

module.exports = {
  pineconeApiKey,
  elevenlabsApiKey,
  googleAccessToken,
  pipedriveApiToken,
  trelloToken,
  clickupApiToken,
  ibmcloudApiKey,
  http: axios.create({ timeout: 10000 }),
};
