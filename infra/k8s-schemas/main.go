// Writes kubeconform's schema layout (<kind>-<group>-<version>.json, standalone and strict) from
// Kubernetes' own OpenAPI document, api/openapi-spec/swagger.json of the k8s.io/kubernetes module,
// so that manifests are validated with no schema download from the internet.
//
//	go run . <swagger.json> <output dir>
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

const refPrefix = "#/definitions/"

type schema = map[string]any

type groupVersionKind struct {
	Group   string `json:"group"`
	Version string `json:"version"`
	Kind    string `json:"kind"`
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: k8s-schemas <swagger.json> <output dir>")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "k8s-schemas:", err)
		os.Exit(1)
	}
}

func run(swaggerPath, outDir string) error {
	raw, err := os.ReadFile(swaggerPath)
	if err != nil {
		return err
	}
	var document struct {
		Definitions map[string]schema `json:"definitions"`
	}
	if err := json.Unmarshal(raw, &document); err != nil {
		return fmt.Errorf("%s: %w", swaggerPath, err)
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	written := 0
	for name, definition := range document.Definitions {
		for _, gvk := range kindsOf(definition) {
			standalone := inline(document.Definitions, definition, map[string]bool{name: true})
			pinKind(standalone, gvk)
			out, err := json.MarshalIndent(standalone, "", "  ")
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if err := os.WriteFile(filepath.Join(outDir, fileName(gvk)), out, 0o644); err != nil {
				return err
			}
			written++
		}
	}
	fmt.Printf("%d schemas written to %s\n", written, outDir)
	return nil
}

func kindsOf(definition schema) []groupVersionKind {
	raw, err := json.Marshal(definition["x-kubernetes-group-version-kind"])
	var kinds []groupVersionKind
	if err != nil || json.Unmarshal(raw, &kinds) != nil {
		return nil
	}
	return kinds
}

// kubeconform's {{.ResourceKind}}{{.KindSuffix}}: deployment-apps-v1, service-v1, ingress-networking-v1.
func fileName(gvk groupVersionKind) string {
	suffix := "-" + gvk.Version
	if gvk.Group != "" {
		suffix = "-" + strings.Split(gvk.Group, ".")[0] + suffix
	}
	return strings.ToLower(gvk.Kind) + suffix + ".json"
}

// Only the document's own apiVersion and kind are accepted, as in kubeconform's published schemas.
func pinKind(s schema, gvk groupVersionKind) {
	properties, _ := s["properties"].(schema)
	apiVersion := gvk.Version
	if gvk.Group != "" {
		apiVersion = gvk.Group + "/" + gvk.Version
	}
	if properties != nil {
		properties["apiVersion"] = schema{"type": "string", "enum": []any{apiVersion}}
		properties["kind"] = schema{"type": "string", "enum": []any{gvk.Kind}}
	}
}

// inline copies a schema with every $ref replaced by its definition (a recursive one, found only in
// CRD validation schemas, by an open schema), and makes objects strict: a misspelt field is an error.
func inline(definitions map[string]schema, s schema, onPath map[string]bool) schema {
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, refPrefix)
		target, known := definitions[name]
		if !known || onPath[name] {
			return schema{}
		}
		onPath[name] = true
		defer delete(onPath, name)
		return inline(definitions, special(name, target), onPath)
	}
	out := schema{}
	for key, value := range s {
		switch typed := value.(type) {
		case schema:
			if key == "properties" {
				properties := schema{}
				for field, fieldSchema := range typed {
					properties[field] = inline(definitions, fieldSchema.(schema), onPath)
				}
				out[key] = properties
			} else {
				out[key] = inline(definitions, typed, onPath)
			}
		default:
			out[key] = value
		}
	}
	if _, hasProperties := out["properties"]; hasProperties {
		if _, open := out["additionalProperties"]; !open {
			out["additionalProperties"] = false
		}
	}
	return out
}

// Types whose JSON is not what their OpenAPI "string" says: YAML writes `port: 8080` and `cpu: 1`.
func special(name string, definition schema) schema {
	switch name {
	case "io.k8s.apimachinery.pkg.util.intstr.IntOrString":
		return schema{"oneOf": []any{schema{"type": "string"}, schema{"type": "integer"}}}
	case "io.k8s.apimachinery.pkg.api.resource.Quantity":
		return schema{"oneOf": []any{schema{"type": "string"}, schema{"type": "number"}}}
	}
	return definition
}
