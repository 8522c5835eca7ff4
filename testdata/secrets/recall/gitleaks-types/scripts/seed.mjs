'use strict';

module.exports.config = {};
const region = 'eu-central-1';
  digitaloceanKey: 'doo_v1_f02c950b1cec370d1a8f21adc9874f32c6e2ef6945450fb56893e78ef49fdea5',
