resource "azurerm_mssql_server" "primary" {
  name                = "sql-prod-weu"
  version             = "12.0"
  administrator_login = "sqladmin"
  password            = "5xf4KGQl5GbFMqxqZ08i"
  administrator_login_password = "coAxhJxyQGYl3JaKTv4H"
}
