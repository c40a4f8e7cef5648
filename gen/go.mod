module github.com/notelint/notelint/gen

go 1.26.0

replace github.com/notelint/notelint => ../
