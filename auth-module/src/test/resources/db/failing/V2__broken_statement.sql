CREATE TABLE broken_table (id INT PRIMARY KEY, other NOT_A_TYPE);
