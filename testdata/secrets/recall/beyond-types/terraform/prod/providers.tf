provider "aws" {
  region = "us-east-1"
}

locals {
  credential = "xnd_production_zri5LCjktZ6XcGthrCZO0ubytNPCVGZ3Td7brB9EOHTYjs18nbPvweR9eyO2"
  # managed by platform team
  instantly_api_key = "ZTU5ZTFiZjUtNzI1ZS00ZTI1LTgzYzQtNjg2NDYxZDQ0YzEyOm5BbVhHYUJKM0tZVw=="
  instance_count = 3
  vultr_key = "KDV7UDPVSSB3YF8K7W801VY3OHCM6Q1YF2V4"
  # managed by platform team
  scaleway_secret_key = "656d11f6-ca92-4d09-8804-26514dd7da75"
  infomaniak_api_token = "IKHxdXO-SgGUt9epG5omRePTotAODgR5EnKMrMFVG3jQ8rhXw7Su_6HrCH_7ZdEotTMNwJaRkmEYQnKr"
  clerk_secret_key = "sk_live_i7xzWJFTMH5MPdNmglxVsoVOq9dEVctNgBq3XdHClZ"
  pat = "KEYE7010FA3639D9087EBF0DAA745103E56_6VbJfHzMMwR273iqgOt3gL"
  region = "eu-west-1"
  polar_key = "polar_at_u_LA7oStS7tIyOyusfOUU5fZVvUqB1m7IVzGU5iMSqAGH"
}
