/// SKMCatalog module.
public enum SKMCatalogModule {}
