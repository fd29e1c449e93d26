# The ACL is chosen at plan time: only the plan knows it.
variable "acl" {}

module "store" {
  source = "./modules/bucket"
  name   = "where2eat-menus"
  acl    = var.acl
}
