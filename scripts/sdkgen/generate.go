package main

import (
	"fmt"
	"sort"
	"strings"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// toolName is written into every generated file's "do not edit" banner.
const toolName = "pulumi-sdkgen"

// generators maps a language to pkg/v3's own generator for it, called as the language hosts call
// it for `pulumi package gen-sdk`, minus anything local (no local dependencies, a published SDK).
var generators = map[string]func(*schema.Package) (map[string][]byte, error){
	"nodejs": func(pkg *schema.Package) (map[string][]byte, error) {
		return nodejs.GeneratePackage(toolName, pkg, nil, nil, false, offlineLoader{})
	},
	"python": func(pkg *schema.Package) (map[string][]byte, error) {
		return python.GeneratePackage(toolName, pkg, nil, offlineLoader{})
	},
	"go": func(pkg *schema.Package) (map[string][]byte, error) {
		return gogen.GeneratePackage(toolName, pkg, nil)
	},
}

// supportedLanguages lists the generators' languages, sorted, for messages.
func supportedLanguages() string {
	names := make([]string, 0, len(generators))
	for name := range generators {
		names = append(names, name)
	}
	sort.Strings(names)
	return strings.Join(names, ",")
}

// parseLanguages reads the comma-separated language list, refusing unknown or repeated names
// before any work so that a typo does not leave half the SDKs written.
func parseLanguages(list string) ([]string, error) {
	var languages []string
	seen := map[string]bool{}
	for _, name := range strings.Split(list, ",") {
		name = strings.TrimSpace(name)
		if _, ok := generators[name]; !ok {
			return nil, fmt.Errorf("unknown language %q (supported: %s; .NET's generator is no longer in pkg/v3)",
				name, supportedLanguages())
		}
		if seen[name] {
			return nil, fmt.Errorf("language %q is listed twice", name)
		}
		seen[name] = true
		languages = append(languages, name)
	}
	return languages, nil
}

// generate runs one language's generator, turning a panic (the Go generator panics on source it
// cannot format) into an error that names the language.
func generate(language string, pkg *schema.Package) (files map[string][]byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the %s generator failed: %v", language, r)
		}
	}()
	files, err = generators[language](pkg)
	if err != nil {
		return nil, fmt.Errorf("the %s generator failed: %w", language, err)
	}
	return files, nil
}
