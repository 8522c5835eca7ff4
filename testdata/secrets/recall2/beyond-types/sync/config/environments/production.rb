# frozen_string_literal: true

Rails.application.configure do
  config.cache_classes = true
  config.eager_load = true
  config.x.teamcity_token = 'eyJ0eXAiOiAiVENWMiJ9.liaHCzoCZh_5jyWh4I0Ega2qFr7xHJsbd2k-.eN2NYCuuhdSv1-L9GQv7gM5KGXlVy4TSgySlVzdyczp-TthZ'
  config.x.alchemy_api_key = 'od0Icmsy5D7CPazmDrPOu0dRql0NfQvL'
  config.x.contentstack_management_token = 'cs353c3338f3bd87e70f90e835e101200e'
end
