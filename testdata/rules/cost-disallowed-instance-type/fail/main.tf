resource "aws_instance" "gpu" {
  instance_type = "p4d.24xlarge" # expect: cost-disallowed-instance-type
}

resource "aws_eks_node_group" "nodes" {
  instance_types = ["t3.medium", "m5.metal"] # expect: cost-disallowed-instance-type
}
