/// SKMImport module.
public enum SKMImportModule {}
