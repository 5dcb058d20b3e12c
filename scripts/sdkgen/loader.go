package main

import (
	"context"
	"fmt"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// offlineLoader is the schema loader the binder and the generators are given. The CLI's own
// loader boots provider plugins (and may download them) to read another package's schema; this
// program must neither start processes nor reach the network, so a schema that references another
// package fails with a message naming it instead.
type offlineLoader struct{}

var _ schema.ReferenceLoader = offlineLoader{}

func refused(name string, version *semver.Version) error {
	at := ""
	if version != nil {
		at = "@" + version.String()
	}
	return fmt.Errorf("the schema references the package %q%s: pulumi-sdkgen loads no other package "+
		"(it neither starts plugins nor uses the network), so a schema must be self-contained", name, at)
}

func (offlineLoader) LoadPackage(name string, version *semver.Version) (*schema.Package, error) {
	return nil, refused(name, version)
}

func (offlineLoader) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, refused(d.Name, d.Version)
}

func (offlineLoader) LoadPackageReference(name string, version *semver.Version) (schema.PackageReference, error) {
	return nil, refused(name, version)
}

func (offlineLoader) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return nil, refused(d.Name, d.Version)
}
