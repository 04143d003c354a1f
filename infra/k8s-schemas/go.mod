module marketplace/infra/k8s-schemas

go 1.22
