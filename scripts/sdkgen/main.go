// Command pulumi-sdkgen writes a Pulumi package's SDKs from its schema with pkg/v3's own code
// generators, without the CLI's language hosts (the Node.js, Python and Go hosts cannot be built
// from the Go module proxy) and without the network.
//
// Usage: pulumi-sdkgen <schema.json> <out-dir> [nodejs,python,go]
//
// Each language goes to <out-dir>/<language>/, emptied first so that no stale file survives.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// maxSchemaBytes bounds the read of the schema file: real provider schemas reach tens of MiB.
const maxSchemaBytes = 256 << 20

// version is stamped at build time by scripts/install-tools.sh.
var version = "dev"

func main() {
	if len(os.Args) == 2 && os.Args[1] == "--version" {
		fmt.Println(version)
		return
	}
	if len(os.Args) < 3 || len(os.Args) > 4 {
		fmt.Fprintf(os.Stderr, "usage: pulumi-sdkgen <schema.json> <out-dir> [%s]\n", supportedLanguages())
		os.Exit(2)
	}
	languageList := "nodejs,python,go"
	if len(os.Args) == 4 {
		languageList = os.Args[3]
	}
	if err := run(os.Args[1], os.Args[2], languageList); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-sdkgen: %v\n", err)
		os.Exit(1)
	}
}

func run(schemaPath, outDir, languageList string) error {
	languages, err := parseLanguages(languageList)
	if err != nil {
		return err
	}
	raw, err := readBounded(schemaPath)
	if err != nil {
		return err
	}
	for _, language := range languages {
		// Bound once per language: the generators record their language's options on the package.
		pkg, err := bind(schemaPath, raw)
		if err != nil {
			return err
		}
		files, err := generate(language, pkg)
		if err != nil {
			return err
		}
		if err := writeTree(filepath.Join(outDir, language), files); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "pulumi-sdkgen: %s: %d files in %s\n", language, len(files), filepath.Join(outDir, language))
	}
	return nil
}

func readBounded(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read the schema: %w", err)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, maxSchemaBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read the schema: %w", err)
	}
	if len(raw) > maxSchemaBytes {
		return nil, fmt.Errorf("the schema %s is larger than %d bytes", path, maxSchemaBytes)
	}
	return raw, nil
}

// bind decodes and validates the schema (BindSpec checks it against the package metaschema too,
// which ImportSpec does not), reporting every diagnostic rather than the first.
func bind(schemaPath string, raw []byte) (*schema.Package, error) {
	var spec schema.PackageSpec
	if err := json.Unmarshal(raw, &spec); err != nil {
		return nil, fmt.Errorf("%s is not a package schema: %w", schemaPath, err)
	}
	pkg, diags, err := schema.BindSpec(spec, offlineLoader{}, schema.ValidationOptions{})
	if err != nil {
		return nil, fmt.Errorf("cannot bind %s: %w", schemaPath, err)
	}
	if diags.HasErrors() {
		message := schemaPath + " is not a valid package schema:"
		for _, d := range diags {
			message += "\n  " + d.Summary
			if d.Detail != "" {
				message += ": " + d.Detail
			}
		}
		return nil, errors.New(message)
	}
	return pkg, nil
}

// writeTree replaces dir with exactly the generated files, refusing paths that would leave it.
func writeTree(dir string, files map[string][]byte) error {
	if err := os.RemoveAll(dir); err != nil {
		return fmt.Errorf("cannot empty %s: %w", dir, err)
	}
	for name, content := range files {
		rel := filepath.Clean(filepath.FromSlash(name))
		if !filepath.IsLocal(rel) {
			return errors.New("a generator produced a path outside the output directory: " + name)
		}
		target := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return fmt.Errorf("cannot create %s: %w", filepath.Dir(target), err)
		}
		if err := os.WriteFile(target, content, 0o644); err != nil {
			return fmt.Errorf("cannot write %s: %w", target, err)
		}
	}
	return nil
}
