resource "azurerm_storage_account" "logs" {
  name = "acmelogs"
}

provider "azurerm" {
  features {}
}

locals {
  storage_account_key = "Q1iInUsdM7cnaV8MhPk/oAKwhMMhlgL3vpZJoe73j6wE1H9UvKWh+RVGh3PgcLPPRnRGErKELxju1eHIhle9jw=="
}

variable "backup_storage_access_key" {
  default = "y9ypsyJGJpc/z5Jgxq9SR1xcV872JbNZNMT55rsAJJgnavB4AGpezg03zUop8m64e3uf9K85EDtoXWl2RvnvuA=="
}
